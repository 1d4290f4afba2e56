package org.convene.attendance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A line chart drawn by Chart.js in the browser (frontend/components/convene-line-chart.js). The canvas is a
 * single image named by {@code summary} for screen readers; every chart is shown with a table of its numbers.
 */
@Tag("convene-line-chart")
@NpmPackage(value = "chart.js", version = "4.5.0")
@JsModule("./components/convene-line-chart.js")
public class LineChart extends Component {

    public LineChart() {
        getElement().getClassList().add("cv-chart");
    }

    /**
     * @param label   what the line shows ("Attendees present")
     * @param summary one sentence saying what the chart shows, read out instead of the picture
     */
    public void show(String label, String summary, String xTitle, String yTitle, List<String> labels,
                     List<? extends Number> values) {
        String json = "{\"label\":" + quote(label) + ",\"summary\":" + quote(summary)
                + ",\"xTitle\":" + quote(xTitle) + ",\"yTitle\":" + quote(yTitle)
                + ",\"labels\":[" + labels.stream().map(LineChart::quote).collect(Collectors.joining(",")) + "]"
                + ",\"values\":[" + values.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]}";
        getElement().setAttribute("data-chart", json);
    }

    public String summary() {
        String json = getElement().getAttribute("data-chart");
        return json == null ? null : json;
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
