package io.masscast.core.model;

import java.time.LocalDate;
import java.util.List;

/** A daily series from OFAuth's mass-message chart. */
public record ChartSeries(List<Point> points, long total) {
    public record Point(LocalDate date, long count) {}

    public ChartSeries {
        points = List.copyOf(points);
    }
}
