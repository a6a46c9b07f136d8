package io.masscast.core.model;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Objects;

/**
 * One value per hour of the week, Monday to Sunday and 0 to 23 h in one time zone, for a heat-map chart: the
 * hours without data have no cell, and a map has at least one. {@code valueLabel} says what the values are (for the colour scale), and
 * {@code marked} are cells to point out (the best hours).
 */
public record WeekHeatMap(String title, String valueLabel, List<Cell> cells, List<Cell> marked) {

    /** The value of one hour of the week. */
    public record Cell(DayOfWeek day, int hour, double value) {
        public Cell {
            Objects.requireNonNull(day, "day");
            if (hour < 0 || hour > 23) {
                throw new IllegalArgumentException("hour must be 0 to 23: " + hour);
            }
            if (!Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException("value must be a finite number, 0 or more: " + value);
            }
        }
    }

    public WeekHeatMap {
        ChannelRef.requireText(title, "title");
        ChannelRef.requireText(valueLabel, "valueLabel");
        cells = List.copyOf(cells);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("a heat map needs at least one cell");
        }
        marked = List.copyOf(marked);
        if (cells.stream()
                        .map(c -> (c.day().getValue() - 1) * 24 + c.hour())
                        .distinct()
                        .count()
                != cells.size()) {
            throw new IllegalArgumentException("an hour of the week has one cell at most");
        }
    }

    /** The highest value. */
    public double max() {
        return cells.stream().mapToDouble(Cell::value).max().orElseThrow();
    }
}
