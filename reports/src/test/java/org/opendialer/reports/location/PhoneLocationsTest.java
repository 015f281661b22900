package org.opendialer.reports.location;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneLocationsTest {

    @Test
    void aChineseMobileIsPlacedByProvinceAndCityInChineseOrEnglish() {
        assertThat(PhoneLocations.of("+8613812345678", "zh")).isEqualTo("江苏省连云港市");
        assertThat(PhoneLocations.of("+8613812345678", "en")).isEqualTo("Lianyungang, Jiangsu");
    }

    @Test
    void aChineseLandlineIsPlacedByItsAreaCode() {
        assertThat(PhoneLocations.of("+862162880000", "zh")).isEqualTo("上海市");
        assertThat(PhoneLocations.of("+861065529988", "zh")).isEqualTo("北京市");
    }

    @Test
    void aNumberThatIsNotANumberHasNoPlace() {
        assertThat(PhoneLocations.of("not a number", "zh")).isEmpty();
        assertThat(PhoneLocations.of(null, "zh")).isEmpty();
    }
}
