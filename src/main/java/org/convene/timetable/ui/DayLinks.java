package org.convene.timetable.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.UnorderedList;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The timetable's day switcher: a list of plain links, one per conference day, with the day shown marked
 * {@code aria-current="page"}, as GOV.UK's sub-navigation does. Each day is an address of its own, so Tab moves
 * from day to day and Enter follows one. (It was a vaadin-tabs, whose scroll container inside
 * {@code role=tablist} fails axe's aria-required-children.)
 * <p>
 * The links are made once per conference and then only changed in place, so the link a keyboard user just
 * followed keeps focus while the page redraws the day.
 */
final class DayLinks extends Nav {

    /** One day's link as it should read now. */
    record Day(LocalDate date, String label, String href, boolean current) {
    }

    static final String CURRENT_CLASS = "cv-tt-day-link--current";

    private final UnorderedList list = new UnorderedList();
    private final Map<LocalDate, Anchor> links = new LinkedHashMap<>();

    DayLinks() {
        setId("timetable-days");
        addClassName("cv-tt-days");
        getElement().setAttribute("aria-label", "Days");
        add(list);
    }

    /** Makes one link per day, in order, dropping those of another conference. */
    void setDays(List<LocalDate> days) {
        list.removeAll();
        links.clear();
        for (LocalDate date : days) {
            Anchor link = new Anchor();
            link.getElement().setAttribute("router-link", "");
            link.addClassName("cv-tt-day-link");
            links.put(date, link);
            list.add(new ListItem(link));
        }
    }

    boolean has(LocalDate date) {
        return links.containsKey(date);
    }

    /** Brings each day's text, address and "current" mark up to date; days not given are left as they are. */
    void show(List<Day> days) {
        for (Day day : days) {
            Anchor link = links.get(day.date());
            if (link == null) {
                continue;
            }
            link.setText(day.label());
            link.setHref(day.href());
            if (day.current()) {
                link.getElement().setAttribute("aria-current", "page");
            } else {
                link.getElement().removeAttribute("aria-current");
            }
            link.getElement().getClassList().set(CURRENT_CLASS, day.current());
        }
    }

    /** The links in day order (for tests and for reading what is shown). */
    List<Anchor> links() {
        return List.copyOf(links.values());
    }

    /** The text of the day marked current, if any. */
    Optional<String> currentLabel() {
        return links.values().stream().filter(a -> "page".equals(a.getElement().getAttribute("aria-current")))
                .map(Anchor::getText).findFirst();
    }
}
