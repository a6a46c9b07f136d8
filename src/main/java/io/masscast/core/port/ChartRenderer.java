package io.masscast.core.port;

import io.masscast.core.model.RevenueChart;
import io.masscast.core.model.WeekHeatMap;

/** Draws a digest's and the best send times' charts as PNG images; the charting library stays outside the core. */
public interface ChartRenderer {

    /** The chart as PNG bytes: stacked bars, one per day, with axis titles and amounts in its currency. */
    byte[] revenuePerDay(RevenueChart chart);

    /** The heat map as PNG bytes: the days of the week by hour, a colour per value, the marked cells outlined. */
    byte[] weekHeatMap(WeekHeatMap map);
}
