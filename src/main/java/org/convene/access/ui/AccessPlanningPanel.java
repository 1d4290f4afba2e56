package org.convene.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.convene.access.AccessPlanningService;
import org.convene.access.Arrangement;
import org.convene.access.ArrangementState;
import org.convene.access.NeedCounts;
import org.convene.programme.AccessFeature;
import org.springframework.security.access.AccessDeniedException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * "Access for this session" in the session editor: how many people with it on their agenda need each kind of
 * access (counts, never names), and the state of each feature the session offers, saved with a button (never as
 * the radio buttons move: arrow keys would otherwise save every state they pass, and setting a confirmed feature
 * back tells people).
 */
@StyleSheet("styles/access.css")
class AccessPlanningPanel extends Section {

    static final String SAVE = "Save access arrangements";
    static final String COUNTS_HEADING = "What people coming need";
    static final String SMALL_NUMBERS = "These are counts, not names. Small numbers show too: they say how many "
            + "people, never who.";

    private final AccessPlanningService planning;
    private final long sessionId;
    private final Map<AccessFeature, RadioButtonGroup<ArrangementState>> states = new EnumMap<>(AccessFeature.class);
    private final Map<AccessFeature, ArrangementState> saved = new EnumMap<>(AccessFeature.class);
    /** Present from the start so that screen readers announce what the button did. */
    private final Div status = new Div();

    AccessPlanningPanel(AccessPlanningService planning, long sessionId) {
        this.planning = planning;
        this.sessionId = sessionId;
        setId("access-planning");
        addClassName("cv-access-planning");
        status.getElement().setAttribute("role", "status");
        status.setId("access-planning-status");

        add(new H2("Access for this session"));
        add(counts(new H3(COUNTS_HEADING), planning.counts(sessionId)));
        add(arrangements(planning.arrangements(sessionId)));
    }

    /** The counts with the note on small numbers, under a heading of the level the page needs. */
    static Div counts(Component heading, NeedCounts counts) {
        Div part = new Div(heading);
        part.addClassName("cv-access-counts");
        Paragraph summary = new Paragraph(counts.lead());
        summary.setId("access-counts-summary");
        part.add(summary);
        if (!counts.lines().isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.setId("access-counts");
            counts.lines().forEach(line -> list.add(new ListItem(line)));
            part.add(list);
        }
        part.add(new Paragraph(SMALL_NUMBERS));
        return part;
    }

    private Div arrangements(List<Arrangement> current) {
        Div part = new Div(new H3("What you have arranged"));
        if (current.isEmpty()) {
            part.add(new Paragraph("This session does not offer any access features yet. Tick them under "
                    + "\u201cAccess\u201d above and save the session first."));
            return part;
        }
        part.add(new Paragraph("Attendees see a feature once it is booked or confirmed. If you set a confirmed "
                + "feature back, or stop offering one, the people who need it and have the session on their "
                + "agenda are told."));
        for (Arrangement arrangement : current) {
            RadioButtonGroup<ArrangementState> group = new RadioButtonGroup<>(arrangement.feature().label());
            group.setId("arrangement-" + arrangement.feature().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-'));
            group.setItems(ArrangementState.values());
            group.setItemLabelGenerator(ArrangementState::label);
            group.setValue(arrangement.state());
            states.put(arrangement.feature(), group);
            saved.put(arrangement.feature(), arrangement.state());
            part.add(new Div(group));
        }
        Button save = new Button(SAVE, e -> save());
        save.setId("access-arrangements-save");
        part.add(status, save);
        return part;
    }

    private void save() {
        List<String> told = new ArrayList<>();
        int changed = 0;
        try {
            for (Map.Entry<AccessFeature, RadioButtonGroup<ArrangementState>> entry : states.entrySet()) {
                ArrangementState chosen = entry.getValue().getValue();
                if (chosen == null || chosen == saved.get(entry.getKey())) {
                    continue;
                }
                if (planning.setState(sessionId, entry.getKey(), chosen)) {
                    told.add(entry.getKey().label());
                }
                saved.put(entry.getKey(), chosen);
                changed++;
            }
        } catch (AccessDeniedException refused) {
            status.setText(refused.getMessage() + " Nothing more has been saved.");
            return;
        }
        String text = changed == 0 ? "Nothing to save: no state has changed." : "Saved the access arrangements.";
        if (!told.isEmpty()) {
            text += " The people who need " + String.join(" and ", told) + " have been told it is no longer "
                    + "confirmed.";
        }
        status.setText(text);
    }
}
