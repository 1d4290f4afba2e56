package org.convene.attendance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A line or bar chart drawn by Chart.js in the browser (frontend/components/convene-chart.js). The canvas is a
 * single image named by {@code summary} for screen readers; every chart is shown with a table of its numbers.
 */
@Tag("convene-chart")
@NpmPackage(value = "chart.js", version = "4.5.0")
@JsModule("./components/convene-chart.js")
public class ReportChart extends Component {

    public enum Kind { LINE, BAR }

    private final Kind kind;

    public ReportChart(Kind kind) {
        this.kind = kind;
        getElement().getClassList().add("cv-chart");
    }

    /**
     * @param label   what the line shows ("Attendees present")
     * @param summary one sentence saying what the chart shows, read out instead of the picture
     */
    public void show(String label, String summary, String xTitle, String yTitle, List<String> labels,
                     List<? extends Number> values) {
        String json = "{\"type\":" + quote(kind == Kind.BAR ? "bar" : "line") + ",\"label\":" + quote(label) + ",\"summary\":" + quote(summary)
                + ",\"xTitle\":" + quote(xTitle) + ",\"yTitle\":" + quote(yTitle)
                + ",\"labels\":[" + labels.stream().map(ReportChart::quote).collect(Collectors.joining(",")) + "]"
                + ",\"values\":[" + values.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]}";
        getElement().setAttribute("data-chart", json);
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
