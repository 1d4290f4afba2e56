package org.convene.programme.ui;

import com.vaadin.flow.component.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A part of a host organisation's report (attendance's host report) that another feature contributes, such as the
 * feedback on the host's sessions. The report collects every bean of this type and adds what each makes, after its
 * own figures and before the downloads, so attendance depends on none of the features that add to it. The section's
 * own service checks that the viewer may see what it shows.
 */
public interface HostReportSection {

    default int order() {
        return 0;
    }

    /**
     * @param hostName   the host organisation, as the report names it
     * @param sessionIds the host's sessions the report covers
     */
    Optional<Component> create(String hostName, List<Long> sessionIds);

    static List<HostReportSection> sorted(List<HostReportSection> all) {
        return all.stream().sorted(Comparator.comparingInt(HostReportSection::order)).toList();
    }
}
