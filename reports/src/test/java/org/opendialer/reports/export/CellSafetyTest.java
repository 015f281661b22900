package org.opendialer.reports.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CellSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+86 138", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "+A1", "+1+1", "+cmd|' /C calc'!A0", "+"})
    void textThatASpreadsheetWouldRunIsPrefixedWithAnApostrophe(String dangerous) {
        assertThat(CellSafety.text(dangerous)).isEqualTo("'" + dangerous);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+14155550100", "+8613812345678", "+442071234567"})
    void anE164PhoneNumberIsAPhoneNotAFormula(String phone) {
        assertThat(CellSafety.looksLikeFormula(phone)).isFalse();
        assertThat(CellSafety.text(phone)).isEqualTo(phone);
        assertThat(CellSafety.cell(phone)).isEqualTo(phone);
    }

    @Test
    void ordinaryTextAndNumbersAreLeftAlone() {
        assertThat(CellSafety.text("Ada")).isEqualTo("Ada");
        assertThat(CellSafety.text("王小明")).isEqualTo("王小明");
        assertThat(CellSafety.cell(-3L)).isEqualTo("-3");
        assertThat(CellSafety.cell(null)).isEmpty();
        assertThat(CellSafety.cell("-3")).as("a negative number sent as text is text").isEqualTo("'-3");
    }
}
