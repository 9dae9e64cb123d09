package org.talentpipeline.scoring;

import java.util.Arrays;

/**
 * The effects of an {@link EffectLog} by student (id order), then replay order: {@code effects}
 * lists them so, student {@code s}'s from {@code studentStart[s]} to {@code studentStart[s + 1]}.
 */
record EffectsByStudent(int[] effects, int[] studentStart) {

    private static final int SEQUENCE_BITS = 28;

    /**
     * The {@code size} effects of {@code student} (each effect's student id) in student order. Student ids are dense (a sequence's), so they are counted into
     * place by id: an int per effect and one per id, where sorting packed longs took a long per effect
     * more (114 MB at 14 million effects, the allocation that ran a 1.2 GiB heap out). Ids spread wider
     * than four per effect are sorted so instead.
     */
    static EffectsByStudent of(int[] student, int size) {
        int max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, student[i]);
        }
        int[] effects = new int[size];
        int students = 0;
        int[] studentStart;
        if (max <= 4L * size + 1024) {
            int[] next = new int[max + 2];
            for (int i = 0; i < size; i++) {
                next[student[i] + 1]++;
            }
            for (int id = 0; id <= max; id++) {
                students += next[id + 1] > 0 ? 1 : 0;
                next[id + 1] += next[id];
            }
            for (int i = 0; i < size; i++) {
                effects[next[student[i]]++] = i;
            }
        } else {
            if (size >= 1 << SEQUENCE_BITS) {
                throw new IllegalStateException("more results than a replay can order: " + size);
            }
            long[] order = new long[size];
            for (int i = 0; i < size; i++) {
                order[i] = ((long) student[i] << SEQUENCE_BITS) | i;
            }
            Arrays.sort(order);
            for (int i = 0; i < size; i++) {
                effects[i] = (int) (order[i] & ((1L << SEQUENCE_BITS) - 1));
                students += i == 0 || order[i] >>> SEQUENCE_BITS != order[i - 1] >>> SEQUENCE_BITS ? 1 : 0;
            }
        }
        studentStart = new int[students + 1];
        for (int i = 0, k = 0; i < size; i++) {
            if (i == 0 || student[effects[i]] != student[effects[i - 1]]) {
                studentStart[k++] = i;
            }
        }
        studentStart[students] = size;
        return new EffectsByStudent(effects, studentStart);
    }
}
