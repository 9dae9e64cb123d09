package org.talentpipeline.scoring.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical skill categories: a name as an event reports it ("Web Exploitation", "REV") becomes
 * one canonical category ("web", "rev") by case folding, runs of spaces, hyphens and underscores
 * made one space, and a synonym table; each canonical category maps onto a NICE work role. The
 * built-in table is {@link #DEFAULT}; an ADMIN extends it (scoring page, API), and the ratings use
 * the table in force at their recompute.
 */
public final class SkillCategories {

    /** A canonical category and the NICE work role it evidences (null where none fits). */
    public record Canonical(String name, String workRole) {}

    private static final Map<String, String[]> BUILT_IN = new LinkedHashMap<>();

    static {
        // canonical name, NICE work role, then the spellings that mean it
        add("web", "DD-WRL-005", "web exploitation", "web security", "webapp", "web application");
        add("rev", "DD-WRL-005", "reverse", "reversing", "reverse engineering", "re");
        add("crypto", "PD-WRL-007", "cryptography", "cryptanalysis");
        add("pwn", "PD-WRL-007", "binary exploitation", "exploitation", "binary", "exploit");
        add("forensics", "PD-WRL-002", "forensic", "digital forensics", "dfir");
        add("misc", null, "miscellaneous", "other");
        add("osint", "PD-WRL-006", "open source intelligence", "recon", "reconnaissance");
        add("network", "IO-WRL-004", "networking", "net");
        add("mobile", "DD-WRL-005", "android", "ios");
        add("hardware", "DD-WRL-009", "hw", "embedded", "iot");
        add("steganography", "PD-WRL-002", "stego", "steg");
        add("blue team", "PD-WRL-001", "defense", "defence", "incident response");
    }

    private static void add(String canonical, String role, String... spellings) {
        BUILT_IN.put(canonical, new String[] {role, canonical});
        for (String s : spellings) {
            BUILT_IN.put(s, new String[] {role, canonical});
        }
    }

    /** The built-in table. */
    public static final SkillCategories DEFAULT = new SkillCategories(Map.of(), Map.of());

    private final Map<String, String> canonical = new TreeMap<>();
    private final Map<String, String> roles = new TreeMap<>();

    /**
     * The built-in table extended (and, where a spelling is given again, overridden) by
     * {@code synonyms} (spelling to canonical name) and {@code workRoles} (canonical name to role).
     */
    public SkillCategories(Map<String, String> synonyms, Map<String, String> workRoles) {
        BUILT_IN.forEach((spelling, v) -> {
            canonical.put(spelling, v[1]);
            if (v[0] != null) {
                roles.put(v[1], v[0]);
            }
        });
        synonyms.forEach((spelling, name) -> canonical.put(fold(spelling), fold(name)));
        workRoles.forEach((name, role) -> roles.put(fold(name), role));
    }

    /** Case folded, trimmed, and runs of spaces, hyphens and underscores made one space. */
    public static String fold(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", " ");
    }

    /** The canonical category of a reported name: its synonym's, or the folded name itself. */
    public String canonical(String name) {
        String folded = fold(name);
        return canonical.getOrDefault(folded, folded);
    }

    /** The canonical category with its work role. */
    public Canonical of(String name) {
        String c = canonical(name);
        return new Canonical(c, roles.get(c));
    }

    /** Every spelling and its canonical category, in spelling order. */
    public Map<String, String> synonyms() {
        return Collections.unmodifiableMap(canonical);
    }

    /** Every canonical category with a work role, in name order. */
    public Map<String, String> workRoles() {
        return Collections.unmodifiableMap(roles);
    }
}
