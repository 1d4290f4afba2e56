package org.convene.timetable.ui;

import org.convene.core.time.DateTexts;
import org.convene.programme.ui.ConferenceLinks;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convene.core.ui.MainLayout;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammeService;

import java.time.Clock;
import java.util.List;

/** The front door: leads to the conference that is on now (or next), and keeps past ones one click away. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Convene: online conferences for everyone")
@AnonymousAllowed
public class HomeView extends Div implements BeforeEnterObserver {

    private final ProgrammeService programme;
    private final Clock clock;

    public HomeView(ProgrammeService programme, Clock clock) {
        this.programme = programme;
        this.clock = clock;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1("Convene"));
        List<ConferenceSummary> all = programme.conferences();
        ConferenceSummary featured = programme.currentOrNext().orElse(null);
        if (featured == null) {
            add(new Paragraph("There are no conferences yet. When an organiser publishes one, its timetable will be here."));
            return;
        }

        Section featuredSection = new Section();
        featuredSection.addClassName("cv-featured");
        String status = featured.isRunning(clock) ? "Happening now" : featured.isOver(clock) ? "Most recent" : "Coming next";
        H2 heading = new H2(status + ": " + featured.name());
        featuredSection.add(heading);
        if (featured.theme() != null && !featured.theme().isBlank()) {
            featuredSection.add(new Paragraph("Theme: " + featured.theme()));
        }
        featuredSection.add(new Paragraph(DateTexts.dayRange(featured.firstDay(), featured.lastDay())));
        Anchor timetable = new Anchor(ConferenceLinks.timetable(featured.slug()), "See the timetable for " + featured.name());
        timetable.getElement().setAttribute("router-link", "");
        timetable.addClassName("cv-primary-link");
        featuredSection.add(new Paragraph(timetable));
        add(featuredSection);

        List<ConferenceSummary> others = all.stream().filter(c -> c.id() != featured.id()).toList();
        if (!others.isEmpty()) {
            add(new H2("Other conferences"));
            add(new Paragraph("Past conferences keep their timetables and recordings."));
            UnorderedList list = new UnorderedList();
            for (ConferenceSummary conference : others) {
                Anchor link = new Anchor(ConferenceLinks.timetable(conference.slug()), conference.name());
                link.getElement().setAttribute("router-link", "");
                list.add(new ListItem(link, new com.vaadin.flow.component.html.Span(
                        ", " + DateTexts.dayRange(conference.firstDay(), conference.lastDay()))));
            }
            add(list);
        }
    }
}
