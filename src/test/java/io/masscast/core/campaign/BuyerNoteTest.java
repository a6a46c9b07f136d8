package io.masscast.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.model.AbPart;
import io.masscast.core.model.Fan;
import io.masscast.core.model.StatsFigures;
import io.masscast.core.text.Markup;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BuyerNoteTest {
    private static final BigDecimal PRICE = new BigDecimal("12.50");

    @Test
    void aNoteNamesTheNewBuyersWhatTheyBroughtAndTheTotals() {
        List<Fan> buyers = List.of(
                new Fan("60041892", "dan.k", "Dan"),
                new Fan("51277310", "u51277310", "Jake"),
                new Fan("70000001", "", "Mia"));

        String note = BuyerNote.of(buyers, PRICE, new StatsFigures(2412, 1100, 26, new BigDecimal("325.00"), false));

        assertThat(note).isEqualTo("+3 buyers: @dan.k, Jake, Mia · +$37.50 · total 26 / $325.00");
    }

    @Test
    void aNoteOfAnAbTestsCampaignNamesItsVariantAndMessageFirst() {
        String note = BuyerNote.ofTestPart(
                new AbPart(7, 42, "B", 1),
                "MC-2",
                List.of(new Fan("1", "u1", "Max L."), new Fan("2", "", "Ryan")),
                new BigDecimal("9"),
                new StatsFigures(500, 200, 2, new BigDecimal("18"), false));

        assertThat(note).isEqualTo("Variant B (MC-2): +2 buyers: Max L., Ryan · +$18.00 · total 2 / $18.00");
    }

    @Test
    void oneBuyerIsOneBuyerAndThousandsAreGrouped() {
        String note = BuyerNote.of(
                List.of(new Fan("1", "mia_x", "Mia")),
                new BigDecimal("200"),
                new StatsFigures(90000, 40000, 1234, new BigDecimal("246800"), false));

        assertThat(note).isEqualTo("+1 buyer: @mia_x · +$200.00 · total 1,234 / $246,800.00");
    }

    @Test
    void aLongBatchNamesTenAndCountsTheRest() {
        List<Fan> buyers = IntStream.rangeClosed(1, 14)
                .mapToObj(i -> new Fan("" + i, "fan" + i, ""))
                .toList();

        String note = BuyerNote.of(buyers, PRICE, new StatsFigures(100, 50, 14, new BigDecimal("175"), false));

        assertThat(note)
                .startsWith(
                        "+14 buyers: @fan1, @fan2, @fan3, @fan4, @fan5, @fan6, @fan7, @fan8, @fan9, @fan10 and 4 more ·");
    }

    @Test
    void namesCannotMentionPeopleOrBreakTheLine() {
        Fan hostile = new Fan("9", "u9", "<@U0ADMIN> <!channel>\n`x`\u200b" + "y".repeat(60));

        assertThat(BuyerNote.label(hostile))
                .isEqualTo("@U0ADMIN !channelxy" + "y".repeat(12) + "…")
                .doesNotContain("<", ">", "\n", "`", "\u200b");
        assertThat(BuyerNote.label(new Fan("42", "", ""))).isEqualTo("fan 42");
        assertThat(Markup.parse(BuyerNote.label(new Fan("7", "u7", Mention.of("U0ADMIN") + " Jake"))))
                .as("the core's own mention markup in a name is text too")
                .containsExactly(new Markup.Plain("@U0ADMIN Jake"));
    }
}
