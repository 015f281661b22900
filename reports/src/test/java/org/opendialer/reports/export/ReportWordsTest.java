package org.opendialer.reports.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportWordsTest {

    private final ReportWords chinese = ReportWords.of("zh");

    @Test
    void wholeTextsCodesAndColumnsAreWordedInChinese() {
        assertThat(chinese.say("Campaign statistics")).isEqualTo("活动统计");
        assertThat(chinese.say("abandon_rate")).isEqualTo("放弃率");
        assertThat(chinese.say("AT_RISK")).isEqualTo("有流失风险");
    }

    @Test
    void textsWithFiguresAreWordedByPatternAndListsPartByPart() {
        assertThat(chinese.say("never reached (3 attempts)")).isEqualTo("未接通（拨打 3 次）");
        assertThat(chinese.say("no purchase for 322 days")).isEqualTo("322 天未购买");
        assertThat(chinese.say("status 'LOST'; unhappy")).isEqualTo("状态为“已流失”；不满意");
        assertThat(chinese.say("INTERESTED=1; SALE=2")).isEqualTo("有意向=1；成交=2");
        assertThat(chinese.say("said interested, talked 2m05s, asked 1 question")).isEqualTo("表示有意向，通话 2 分 05 秒，提问 1 次");
    }

    @Test
    void namesAndUnknownTextsStayAsTheyAre() {
        assertThat(chinese.say("李娜")).isEqualTo("李娜");
        assertThat(chinese.say("Zhang Wei")).isEqualTo("Zhang Wei");
        assertThat(ReportWords.of("en").say("Campaign statistics")).isEqualTo("Campaign statistics");
        assertThat(ReportWords.of("fr").say("Campaign statistics")).isEqualTo("Campaign statistics");
    }

    @Test
    void anHtmlReportInChineseWordsItsHeadingsColumnsCodesAndChartTexts() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HtmlReport html = new HtmlReport(out, "活动统计 - 上海", chinese)) {
            html.heading("Statistics").chart("<svg><text x=\"1\">Connect rate by hour of day</text><text>Acme &amp; Co</text></svg>");
            try (TableWriter table = html.table(10)) {
                table.header(List.of("period_type", "attempts"));
                table.row(List.of("TOTAL", 12));
            }
        }
        String page = out.toString(StandardCharsets.UTF_8);
        assertThat(page).contains("<html lang=\"zh-CN\">", "<h2>统计</h2>", "<text x=\"1\">一天中各小时的接通率</text>",
                "<text>Acme &amp; Co</text>", "<th>周期类型</th><th>拨打次数</th>", "<td>合计</td><td class=\"n\">12</td>");
    }
}
