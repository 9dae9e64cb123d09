package org.talentpipeline.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.talentpipeline.identity.AccountEvent;

class AccountAuditTest {

    @ParameterizedTest
    @EnumSource(AccountEvent.Kind.class)
    void everyAccountEventIsRecordedUnderTheActionOfItsName(AccountEvent.Kind kind) {
        assertEquals(kind.name(), AccountAudit.action(kind).name());
    }
}
