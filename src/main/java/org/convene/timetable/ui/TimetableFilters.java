package org.convene.timetable.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceDetail;
import org.convene.programme.HostRef;
import org.convene.programme.SessionFormat;
import org.convene.programme.TrackRef;
import org.convene.timetable.TimetableFilter;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The timetable's "Filter sessions" panel: tracks, formats, hosts, access features and a search. It raises a
 * {@link FiltersEvent} when the reader changes them; the view puts them in the address, which then shows them.
 */
final class TimetableFilters extends Details {

    private final CheckboxGroup<TrackRef> trackFilter = new CheckboxGroup<>("Track");
    private final CheckboxGroup<SessionFormat> formatFilter = new CheckboxGroup<>("Format");
    private final CheckboxGroup<HostRef> hostFilter = new CheckboxGroup<>("Host");
    private final CheckboxGroup<AccessFeature> accessFilter = new CheckboxGroup<>("Access: only sessions with");
    private final TextField search = new TextField("Search sessions");
    private final Button searchButton = new Button("Search");
    private final Button clearFilters = new Button("Clear filters");
    /** Set while the controls show the address's filters, which is not the reader changing them. */
    private boolean showing;

    TimetableFilters() {
        trackFilter.setItemLabelGenerator(TrackRef::name);
        hostFilter.setItemLabelGenerator(HostRef::name);
        formatFilter.setItemLabelGenerator(SessionFormat::label);
        accessFilter.setItemLabelGenerator(AccessFeature::label);
        accessFilter.setItems(AccessFeature.values());
        for (CheckboxGroup<?> group : List.of(trackFilter, formatFilter, hostFilter, accessFilter)) {
            group.addClassName("cv-tt-filter");
            group.addValueChangeListener(e -> changed());
        }
        search.setId("timetable-search");
        search.setHelperText("Words in the title, description, host or the names of the people running it");
        search.setClearButtonVisible(true);
        search.setMaxLength(TimetableFilter.MAX_TEXT_LENGTH);
        searchButton.addClickListener(e -> changed());
        searchButton.addClickShortcut(Key.ENTER).listenOn(search);
        clearFilters.addClickListener(e -> fireEvent(FiltersEvent.clear(this)));
    }

    /** Offers the conference's own tracks, formats and hosts, hiding a group it has none of. */
    void offer(ConferenceDetail detail) {
        trackFilter.setItems(detail.tracks());
        hostFilter.setItems(detail.hosts());
        formatFilter.setItems(detail.formats());
        trackFilter.setVisible(!detail.tracks().isEmpty());
        hostFilter.setVisible(!detail.hosts().isEmpty());
        formatFilter.setVisible(!detail.formats().isEmpty());
        Div searchRow = new Div(search, searchButton);
        searchRow.addClassName("cv-tt-search");
        Div groups = new Div(trackFilter, formatFilter, hostFilter, accessFilter);
        groups.addClassName("cv-tt-filter-groups");
        removeAll();
        add(searchRow, groups, clearFilters);
        addClassName("cv-tt-filters");
    }

    /** Shows the filters the address asks for (ids the conference lacks already dropped), and how many. */
    void show(TimetableParams params, ConferenceDetail conference) {
        showing = true;
        try {
            trackFilter.setValue(conference.tracks().stream().filter(t -> params.tracks().contains(t.id()))
                    .collect(Collectors.toSet()));
            hostFilter.setValue(conference.hosts().stream().filter(h -> params.hosts().contains(h.id()))
                    .collect(Collectors.toSet()));
            formatFilter.setValue(params.formats());
            accessFilter.setValue(params.access());
            search.setValue(params.text());
        } finally {
            showing = false;
        }
        int inUse = params.tracks().size() + params.formats().size() + params.hosts().size()
                + params.access().size() + (params.text().isEmpty() ? 0 : 1);
        setSummaryText(inUse == 0 ? "Filter sessions" : "Filter sessions (" + inUse + " in use)");
        if (params.isNarrowed()) {
            setOpened(true);
        }
        clearFilters.setVisible(params.isNarrowed());
    }

    Registration addFiltersListener(ComponentEventListener<FiltersEvent> listener) {
        return addListener(FiltersEvent.class, listener);
    }

    private void changed() {
        if (showing) {
            return;
        }
        fireEvent(new FiltersEvent(this, false,
                trackFilter.getValue().stream().map(TrackRef::id).collect(Collectors.toSet()),
                formatFilter.getValue(),
                hostFilter.getValue().stream().map(HostRef::id).collect(Collectors.toSet()),
                accessFilter.getValue(),
                search.getValue()));
    }

    /** The reader changed the filters, or asked to clear them all. */
    static final class FiltersEvent extends ComponentEvent<TimetableFilters> {

        private final boolean clear;
        private final Set<Long> tracks;
        private final Set<SessionFormat> formats;
        private final Set<Long> hosts;
        private final Set<AccessFeature> access;
        private final String text;

        FiltersEvent(TimetableFilters source, boolean clear, Set<Long> tracks, Set<SessionFormat> formats,
                     Set<Long> hosts, Set<AccessFeature> access, String text) {
            super(source, true);
            this.clear = clear;
            this.tracks = tracks;
            this.formats = formats;
            this.hosts = hosts;
            this.access = access;
            this.text = text;
        }

        static FiltersEvent clear(TimetableFilters source) {
            return new FiltersEvent(source, true, Set.of(), Set.of(), Set.of(), Set.of(), "");
        }

        /** The address's parameters with these filters, or with none when clearing. */
        TimetableParams applyTo(TimetableParams params) {
            return clear ? params.withoutFilters() : params.withFilters(tracks, formats, hosts, access, text);
        }
    }
}
