package org.opendialer.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AmdAuditTest {

    /** {@code verdicts} MACHINE verdicts, the audited ones marked a person every {@code personEvery}-th; as many person verdicts. */
    static AmdAudit run(AmdAuditSettings settings, int verdicts, int personEvery) {
        AmdAudit audit = new AmdAudit(settings);
        int audited = 0;
        for (int i = 0; i < verdicts; i++) {
            audit.personVerdict();
            if (audit.machineVerdict()) {
                audited++;
                audit.audited(audited % personEvery == 0);
            }
        }
        return audit;
    }

    @Test
    void beforeTheAuditHasSpokenTheStatedShareOrACautiousGuessStands() {
        assertThat(new AmdAudit(new AmdAuditSettings(0.02, 0.004)).falseMachineShare()).isEqualTo(0.004);
        assertThat(new AmdAudit(new AmdAuditSettings(0.02, Double.NaN)).falseMachineShare())
                .isEqualTo(AmdAudit.UNKNOWN_FALSE_MACHINE);
    }

    @Test
    void theAuditGivesTheShareOfPeopleHungUpOnAtTheUpperEndOfItsInterval() {
        // one audited verdict in a hundred is a person; machine and person verdicts come equally often
        AmdAudit audit = run(new AmdAuditSettings(0.02, Double.NaN), 200_000, 100);

        assertThat(audit.measured()).isTrue();
        assertThat(audit.falseMachineShareSeen()).isCloseTo(0.01 / 1.01, within(0.001));
        assertThat(audit.falseMachineShare()).as("upper bound").isGreaterThan(audit.falseMachineShareSeen())
                .isLessThan(audit.falseMachineShareSeen() * 1.5);
    }

    @Test
    void fewAuditsGiveAWideIntervalAndPacingErrsOnTheSafeSide() {
        AmdAudit few = run(new AmdAuditSettings(0.02, Double.NaN), 2_000, 100);
        AmdAudit many = run(new AmdAuditSettings(0.02, Double.NaN), 200_000, 100);
        assertThat(few.audits()).isLessThan(many.audits());
        assertThat(few.falseMachineShare()).isGreaterThan(many.falseMachineShare());
    }

    @Test
    void whileTheIntervalIsWideMoreVerdictsAreAudited() {
        AmdAudit audit = new AmdAudit(new AmdAuditSettings(0.02, Double.NaN));
        assertThat(audit.auditShareNow()).isEqualTo(0.2);
        AmdAudit settled = run(new AmdAuditSettings(0.02, Double.NaN), 400_000, 50);
        assertThat(settled.auditShareNow()).isEqualTo(0.02);
        assertThat(new AmdAudit(new AmdAuditSettings(0, Double.NaN)).auditShareNow()).isZero();
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new AmdAuditSettings(1.5, Double.NaN)).hasMessageContaining("audit share");
        assertThatThrownBy(() -> new AmdAuditSettings(0.02, 0.7)).hasMessageContaining("false-machine share");
    }

    @Test
    void aSecondDayStartsWithTheFirstDaysEvidence() {
        AmdAudit dayOne = run(new AmdAuditSettings(0.02, Double.NaN), 20_000, 100);
        assertThat(dayOne.measured()).isTrue();

        AmdAudit dayTwo = new AmdAudit(new AmdAuditSettings(0.02, Double.NaN));
        dayTwo.startFrom(dayOne.counts());

        assertThat(dayTwo.counts()).isEqualTo(dayOne.counts());
        assertThat(dayTwo.measured()).isTrue();
        assertThat(dayTwo.falseMachineShare()).isEqualTo(dayOne.falseMachineShare());
        assertThat(dayTwo.auditShareNow()).as("no longer audited as if nothing were known").isEqualTo(dayOne.auditShareNow());
    }

    @Test
    void theUpperBoundIsShownFromTheFirstAuditThoughPacingWaitsForEnoughOfThem() {
        AmdAudit audit = new AmdAudit(new AmdAuditSettings(1, 0.004));
        assertThat(audit.falseMachineShareUpperBound()).isNaN();
        audit.startFrom(new AmdAudit.Counts(100, 900, 0, 0));
        audit.machineVerdict();
        audit.audited(true);

        assertThat(audit.falseMachineShareSeen()).isCloseTo(101.0 / (900 + 101), within(1e-9));
        assertThat(audit.falseMachineShareUpperBound()).isEqualTo(audit.falseMachineShareSeen()); // one person in one audit: bound 1
        assertThat(audit.falseMachineShare()).as("pacing still uses the stated share").isEqualTo(0.004);
    }

    @Test
    void countsCannotBeNegativeOrHoldMorePeopleThanAudits() {
        assertThatThrownBy(() -> new AmdAudit.Counts(-1, 0, 0, 0)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new AmdAudit.Counts(5, 0, 2, 3)).hasMessageContaining("more audited people");
    }
}
