package io.masscast.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.model.RevenueChart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class XChartRendererTest {
    private static final List<LocalDate> DAYS = LocalDate.of(2026, 3, 16).datesUntil(LocalDate.of(2026, 3, 30)).toList();

    private final XChartRenderer renderer = new XChartRenderer();

    private static RevenueChart chart(List<RevenueChart.Series> series) {
        return new RevenueChart("Mila Rose · revenue per day, last 14 days (Europe/Berlin)", "USD", "$", DAYS, series);
    }

    /** A campaign that earns from its send day on, less each day, as PPV sales do. */
    private static RevenueChart.Series campaign(String name, int sentOnDay, double firstDay, Random dice) {
        return new RevenueChart.Series(name, IntStream.range(0, DAYS.size())
                .mapToObj(day -> day < sentOnDay ? BigDecimal.ZERO
                        : BigDecimal.valueOf(Math.round(firstDay * Math.pow(0.45, day - sentOnDay) * (0.8 + 0.4 * dice.nextDouble()))))
                .toList());
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("ImageIO reads it as an image").isNotNull();
        return image;
    }

    @Test
    void theChartIsAPngOfTheExpectedSize() throws IOException {
        Random dice = new Random(7);
        byte[] png = renderer.revenuePerDay(chart(List.of(
                campaign("MC-3", 1, 410, dice), campaign("MC-5", 4, 260, dice), campaign("MC-6", 7, 520, dice),
                campaign("MC-8", 10, 180, dice), campaign("MC-9", 12, 330, dice), campaign("2 more campaigns", 3, 90, dice))));

        assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(XChartRenderer.WIDTH);
        assertThat(image.getHeight()).isEqualTo(XChartRenderer.HEIGHT);
    }

    @Test
    void aChartWithoutRevenueIsStillAReadablePng() throws IOException {
        BufferedImage image = decode(renderer.revenuePerDay(chart(List.of())));

        assertThat(image.getWidth()).isEqualTo(XChartRenderer.WIDTH);
        assertThat(image.getHeight()).isEqualTo(XChartRenderer.HEIGHT);
    }
}
