package org.talentpipeline.school;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A school as an admin enters it: form or {@code POST/PUT /api/v1/schools}. */
public record SchoolInput(
        @NotBlank(message = "is required")
                @Pattern(regexp = "[A-Za-z0-9]{2,16}", message = "must be 2 to 16 letters or digits")
                String code,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @Size(max = 200, message = "must be at most 200 characters") String localName,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String region,
        @Size(max = 100, message = "must be at most 100 characters") String city,
        @NotNull(message = "is required: UNIVERSITY, COLLEGE, VOCATIONAL or SECONDARY") SchoolType type) {}
