package io.masscast.core.port;

import io.masscast.core.model.RevenueChart;

/** Draws a digest's chart as a PNG image; the charting library stays outside the core. */
public interface ChartRenderer {

    /** The chart as PNG bytes: stacked bars, one per day, with axis titles and amounts in its currency. */
    byte[] revenuePerDay(RevenueChart chart);
}
