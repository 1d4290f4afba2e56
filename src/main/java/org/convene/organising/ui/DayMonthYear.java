package org.convene.organising.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.convene.core.ui.ErrorSummary;
import org.jspecify.annotations.Nullable;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A date people know as three text boxes, day, month and year (GOV.UK's date input), grouped under one label.
 * Read as a date only when all three make a real one; otherwise {@link #value()} is null and the service's
 * rule asks for a real date, so what was typed stays for the person to correct.
 */
class DayMonthYear extends Div implements HasValidation, ErrorSummary.GroupedField {

    private final TextField day = new TextField("Day");
    private final TextField month = new TextField("Month");
    private final TextField year = new TextField("Year");
    private final Span error = new Span();
    private @Nullable String errorMessage;

    DayMonthYear(String id, String label, String hint) {
        setId(id);
        addClassName("cv-date-input");
        getElement().setAttribute("role", "group");
        Span legend = new Span(label);
        legend.setId(id + "-label");
        legend.addClassName("cv-date-legend");
        Span hintText = new Span(hint);
        hintText.setId(id + "-hint");
        hintText.addClassName("cv-hint");
        error.setId(id + "-error");
        error.addClassName("cv-date-error");
        error.setVisible(false);
        getElement().setAttribute("aria-labelledby", id + "-label");
        getElement().setAttribute("aria-describedby", id + "-hint " + id + "-error");
        Div boxes = new Div();
        boxes.addClassName("cv-date-boxes");
        for (TextField box : new TextField[]{day, month, year}) {
            box.setId(id + "-" + box.getLabel().toLowerCase());
            box.setManualValidation(true);
            box.setAllowedCharPattern("[0-9]");
            box.addClassName(box == year ? "cv-date-year" : "cv-date-part");
            boxes.add(box);
        }
        day.setMaxLength(2);
        month.setMaxLength(2);
        year.setMaxLength(4);
        add(legend, hintText, error, boxes);
    }

    @Override
    public String firstInputId() {
        return day.getId().orElseThrow();
    }

    /** The date typed, or null when the three boxes do not make a real date. */
    @Nullable LocalDate value() {
        try {
            return LocalDate.of(Integer.parseInt(year.getValue().strip()), Integer.parseInt(month.getValue().strip()),
                    Integer.parseInt(day.getValue().strip()));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    void setValue(LocalDate date) {
        day.setValue(date == null ? "" : Integer.toString(date.getDayOfMonth()));
        month.setValue(date == null ? "" : Integer.toString(date.getMonthValue()));
        year.setValue(date == null ? "" : Integer.toString(date.getYear()));
    }

    /** For tests and for a person typing: fills the three boxes. */
    void type(String d, String m, String y) {
        day.setValue(d);
        month.setValue(m);
        year.setValue(y);
    }

    @Override
    public void setErrorMessage(@Nullable String message) {
        errorMessage = message;
        error.setText(message == null ? "" : message);
    }

    @Override
    public @Nullable String getErrorMessage() {
        return errorMessage;
    }

    @Override
    public void setInvalid(boolean invalid) {
        error.setVisible(invalid);
        for (TextField box : new TextField[]{day, month, year}) {
            box.setInvalid(invalid);
        }
        if (invalid) {
            addClassName("cv-date-invalid");
        } else {
            removeClassName("cv-date-invalid");
        }
    }

    @Override
    public boolean isInvalid() {
        return day.isInvalid();
    }
}
