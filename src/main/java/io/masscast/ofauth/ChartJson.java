package io.masscast.ofauth;

import static io.masscast.ofauth.OfAuthJson.orZero;

import io.masscast.core.model.ChartSeries;
import io.masscast.core.model.MessageChart;
import java.util.List;

/** The mass-message chart: four daily series; a series OFAuth leaves out reads as empty. */
public record ChartJson(
        Series group_messages,
        Series group_messages_purchases,
        Series direct_messages,
        Series direct_messages_purchases) {

    public record Series(List<Point> chart, Long total) {
        ChartSeries toSeries() {
            List<ChartSeries.Point> points = chart == null
                    ? List.of()
                    : chart.stream()
                            .map(p -> new ChartSeries.Point(OfAuthDates.parseDate(p.date), orZero(p.count)))
                            .toList();
            return new ChartSeries(points, orZero(total));
        }
    }

    public record Point(String date, Long count) {}

    MessageChart toChart() {
        return new MessageChart(
                series(group_messages),
                series(group_messages_purchases),
                series(direct_messages),
                series(direct_messages_purchases));
    }

    private static ChartSeries series(Series series) {
        return series == null ? new ChartSeries(List.of(), 0) : series.toSeries();
    }
}
