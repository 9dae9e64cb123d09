package org.talentpipeline.school;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A programme of study: its name, unique within the school, and its level. */
public record ProgramInput(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @NotBlank(message = "is required") @Size(max = 30, message = "must be at most 30 characters") String level) {}
