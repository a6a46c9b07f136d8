package io.masscast.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.model.RevenueChart;
import io.masscast.core.model.WeekHeatMap;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class XChartRendererTest {
    private static final List<LocalDate> DAYS =
            LocalDate.of(2026, 3, 16).datesUntil(LocalDate.of(2026, 3, 30)).toList();

    private final XChartRenderer renderer = new XChartRenderer();

    private static RevenueChart chart(List<RevenueChart.Series> series) {
        return new RevenueChart("Mila Rose · revenue per day, last 14 days (Europe/Berlin)", "USD", "$", DAYS, series);
    }

    /** A campaign that earns from its send day on, less each day, as PPV sales do. */
    private static RevenueChart.Series campaign(String name, int sentOnDay, double firstDay, Random dice) {
        return new RevenueChart.Series(
                name,
                IntStream.range(0, DAYS.size())
                        .mapToObj(day -> day < sentOnDay
                                ? BigDecimal.ZERO
                                : BigDecimal.valueOf(Math.round(
                                        firstDay * Math.pow(0.45, day - sentOnDay) * (0.8 + 0.4 * dice.nextDouble()))))
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
                campaign("MC-3", 1, 410, dice),
                campaign("MC-5", 4, 260, dice),
                campaign("MC-6", 7, 520, dice),
                campaign("MC-8", 10, 180, dice),
                campaign("MC-9", 12, 330, dice),
                campaign("2 more campaigns", 3, 90, dice))));

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

    @Test
    void theHeatMapIsAPngWithAnHourColumnPerDayRow() throws IOException {
        Random dice = new Random(11);
        List<WeekHeatMap.Cell> cells = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 8; hour < 24; hour += 1 + dice.nextInt(3)) {
                double percent = 0.1 + (hour >= 19 ? 0.6 : 0.2) * dice.nextDouble();
                cells.add(new WeekHeatMap.Cell(day, hour, percent));
            }
        }
        WeekHeatMap map = new WeekHeatMap(
                "Mila Rose · % of recipients who bought within 24 h, by hour sent (Europe/Berlin)",
                "% of recipients who bought", cells, List.of(cells.get(0), cells.get(7), cells.get(14)));

        byte[] png = renderer.weekHeatMap(map);

        Path written = Path.of("target", "best-time-sample.png"); // to look at
        Files.write(written, png);
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(XChartRenderer.WIDTH);
        assertThat(image.getHeight()).isEqualTo(XChartRenderer.HEAT_MAP_HEIGHT);
    }

    @Test
    void aHeatMapWithOneCellIsStillAReadablePng() throws IOException {
        WeekHeatMap.Cell only = new WeekHeatMap.Cell(DayOfWeek.FRIDAY, 21, 0.5);
        BufferedImage image =
                decode(renderer.weekHeatMap(new WeekHeatMap("One campaign", "% bought", List.of(only), List.of(only))));

        assertThat(image.getHeight()).isEqualTo(XChartRenderer.HEAT_MAP_HEIGHT);
    }
}
