package io.masscast.chart;

import io.masscast.core.model.RevenueChart;
import io.masscast.core.model.WeekHeatMap;
import io.masscast.core.port.ChartRenderer;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

/**
 * Draws the digest's revenue chart with XChart: one stacked bar per day, one colour per campaign, the amounts on
 * the y axis in the chart's currency. It needs no display ({@code java.awt.headless=true}), only fonts.
 */
public final class XChartRenderer implements ChartRenderer {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 600;
    public static final int HEAT_MAP_HEIGHT = 480;
    /** Hours without a campaign. */
    private static final Color NO_DATA = new Color(0xF2F2F2);
    /** From few to many purchases, pale yellow to orange: one hue ramp (colour-blind safe) that black values stay legible on. */
    private static final Color[] HEAT = {new Color(0xFFF7BC), new Color(0xFEC44F), new Color(0xEC7014)};

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.US);
    /** From this daily total up, whole amounts read better on the axis than cents. */
    private static final BigDecimal WHOLE_AMOUNTS_FROM = BigDecimal.valueOf(20);
    /** Colours that stay apart for colour-blind readers (Okabe–Ito), then two greys for the rest. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2),
        new Color(0xE69F00),
        new Color(0x009E73),
        new Color(0xCC79A7),
        new Color(0x56B4E9),
        new Color(0xD55E00),
        new Color(0xF0E442),
        new Color(0x999999),
        new Color(0x555555)
    };

    @Override
    public byte[] revenuePerDay(RevenueChart chart) {
        boolean empty = chart.series().isEmpty();
        CategoryChart drawing = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(chart.title() + (empty ? " · no revenue yet" : ""))
                .xAxisTitle("Day")
                .yAxisTitle("Revenue (" + chart.currency() + ")")
                .build();
        style(drawing.getStyler(), chart);
        List<String> days = chart.days().stream().map(DAY::format).toList();
        if (empty) {
            // XChart draws no axes without a series
            drawing.addSeries(
                    "no revenue", days, chart.days().stream().map(day -> 0.0).toList());
            drawing.getStyler().setLegendVisible(false);
        }
        for (RevenueChart.Series series : chart.series()) {
            drawing.addSeries(
                    series.name(),
                    days,
                    series.amounts().stream().map(BigDecimal::doubleValue).toList());
        }
        try {
            return BitmapEncoder.getBitmapBytes(drawing, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the chart as PNG", e);
        }
    }

    private static void style(CategoryStyler styler, RevenueChart chart) {
        styler.setStacked(true);
        styler.setSeriesColors(PALETTE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setPlotGridLinesColor(new Color(0xDDDDDD));
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAvailableSpaceFill(0.7);
        styler.setXAxisLabelRotation(0);
        styler.setYAxisMin(0.0);
        BigDecimal highest =
                chart.dailyTotals().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        // quoted, the currency symbol is printed as it is
        styler.setYAxisDecimalPattern("'" + chart.currencySymbol() + "'"
                + (highest.compareTo(WHOLE_AMOUNTS_FROM) >= 0 ? "#,##0" : "#,##0.00"));
        if (highest.signum() == 0) {
            styler.setYAxisMax(10.0); // an empty chart still gets a readable axis
        }
        styler.setLabelsVisible(false);
    }

    /**
     * The heat map: a row per day (Monday on top), a column per hour, a cell's colour from light to dark with its
     * value printed in it, blank where there is no data; the axis title names the marked cells (XChart draws one
     * series, and prints every cell's value with one number pattern, so they can't be told apart inside the grid).
     */
    @Override
    public byte[] weekHeatMap(WeekHeatMap map) {
        List<String> hours = IntStream.range(0, 24)
                .mapToObj(hour -> String.format(Locale.ROOT, "%02d", hour))
                .toList();
        List<DayOfWeek> days = Arrays.asList(DayOfWeek.values());
        List<String> rows = IntStream.range(0, days.size())
                .mapToObj(i -> days.get(days.size() - 1 - i))
                .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.US))
                .toList();
        String best = map.marked().isEmpty()
                ? ""
                : " · best: "
                        + String.join(
                                ", ",
                                map.marked().stream()
                                        .map(c -> c.day().getDisplayName(TextStyle.SHORT, Locale.US) + " "
                                                + String.format(Locale.ROOT, "%02d:00", c.hour()))
                                        .toList());
        HeatMapChart drawing = new HeatMapChartBuilder()
                .width(WIDTH)
                .height(HEAT_MAP_HEIGHT)
                .title(map.title())
                .xAxisTitle("Hour sent" + best)
                .yAxisTitle("Day")
                .build();
        List<Number[]> cells = map.cells().stream()
                .map(cell -> new Number[] {cell.hour(), days.size() - cell.day().getValue(), cell.value()})
                .toList();
        styleHeatMap(drawing.getStyler(), Math.ceil(map.max() * 100) / 100);
        drawing.addSeries(map.valueLabel(), hours, rows, cells);
        try {
            return BitmapEncoder.getBitmapBytes(drawing, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the heat map as PNG", e);
        }
    }

    private static void styleHeatMap(HeatMapStyler styler, double max) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(NO_DATA);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setRangeColors(HEAT);
        styler.setDrawBorder(true);
        styler.setShowValue(true);
        styler.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        styler.setValueFontColor(Color.BLACK);
        styler.setHeatMapValueDecimalPattern("0.00");
        styler.setMin(0);
        styler.setMax(max > 0 ? max : 1);
    }
}
