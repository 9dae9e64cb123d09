package org.talentpipeline.school;

import java.io.Serializable;

/** The fields of the school form, as the page binds them. */
public class SchoolForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String code;
    private String name;
    private String localName;
    private String region;
    private String city;
    private SchoolType type;

    static SchoolForm of(SchoolView view) {
        SchoolForm f = new SchoolForm();
        f.code = view.code();
        f.name = view.name();
        f.localName = view.localName();
        f.region = view.region();
        f.city = view.city();
        f.type = view.type();
        return f;
    }

    SchoolInput toInput() {
        return new SchoolInput(code, name, localName, region, city, type);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLocalName() {
        return localName;
    }

    public void setLocalName(String localName) {
        this.localName = localName;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public SchoolType getType() {
        return type;
    }

    public void setType(SchoolType type) {
        this.type = type;
    }
}
