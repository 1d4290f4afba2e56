package org.convene.attendance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;

import java.util.List;

/**
 * A real HTML table (caption, column headers with scope, row headers), the accessible twin of every chart and
 * the form for short report tables. Long lists use a lazy Grid instead.
 */
final class DataTable extends Div {

    private final Element body = new Element("tbody");

    /** @param headers the first column's cells are row headers */
    DataTable(String caption, List<String> headers) {
        addClassName("cv-data-table");
        Element table = new Element("table");
        table.appendChild(new Element("caption").setText(caption));
        Element headRow = new Element("tr");
        for (String header : headers) {
            headRow.appendChild(new Element("th").setAttribute("scope", "col").setText(header));
        }
        table.appendChild(new Element("thead").appendChild(headRow), body);
        getElement().appendChild(table);
    }

    DataTable row(String header, String... cells) {
        Element tr = new Element("tr");
        tr.appendChild(new Element("th").setAttribute("scope", "row").setText(header));
        for (String cell : cells) {
            tr.appendChild(new Element("td").setText(cell));
        }
        body.appendChild(tr);
        return this;
    }

    /** A row whose header is a component (a link to the row's own report). */
    DataTable row(Component header, String... cells) {
        Element tr = new Element("tr");
        tr.appendChild(new Element("th").setAttribute("scope", "row").appendChild(header.getElement()));
        for (String cell : cells) {
            tr.appendChild(new Element("td").setText(cell));
        }
        body.appendChild(tr);
        return this;
    }

    int rowCount() {
        return body.getChildCount();
    }
}
