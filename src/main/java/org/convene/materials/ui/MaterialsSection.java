package org.convene.materials.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.materials.Material;
import org.convene.materials.MaterialsService;
import org.convene.programme.SessionDetail;
import org.convene.programme.ui.AdminPage;
import org.convene.programme.ui.ManageLinks;
import org.convene.programme.ui.SessionPageSection;

import java.util.List;
import java.util.Optional;

/**
 * The session's published slides, easy-read version and handouts on its page, each with its kind, file type
 * and size in words. Those who may manage the session also get the way to add more, even before there are any.
 */
@SpringComponent
class MaterialsSection implements SessionPageSection {

    private final MaterialsService materials;

    MaterialsSection(MaterialsService materials) {
        this.materials = materials;
    }

    @Override
    public Place place() {
        return Place.AFTER_PLANNING;
    }

    @Override
    public Optional<Component> create(SessionDetail session) {
        List<Material> published = materials.published(session.id());
        boolean mayManage = materials.mayManage(session.id());
        if (published.isEmpty() && !mayManage) {
            return Optional.empty();
        }
        return Optional.of(new Materials(session.id(), published, mayManage));
    }

    @StyleSheet("styles/materials.css")
    static final class Materials extends Section {

        Materials(long sessionId, List<Material> published, boolean mayManage) {
            setId("materials");
            addClassName("cv-session-materials");
            add(new H2("Slides and handouts"));
            if (published.isEmpty()) {
                add(new Paragraph("Attendees see no materials yet."));
            } else {
                UnorderedList list = new UnorderedList();
                published.forEach(material -> list.add(new ListItem(link(material))));
                add(list);
            }
            if (mayManage) {
                add(new Paragraph(AdminPage.link(ManageLinks.materials(sessionId), "Add or change slides and handouts")));
            }
        }

        /** "Slides: Caring at home (PDF, 2.1 MB)"; a file downloads, a web address opens. */
        static Anchor link(Material material) {
            Anchor anchor = new Anchor(MaterialTexts.href(material), material.kind().label() + ": " + material.title()
                    + " (" + (material.isFile() ? material.formatInWords() : "web page") + ")");
            // a file served by Spring MVC, not a page: the router must leave it alone
            anchor.setRouterIgnore(true);
            if (material.isFile()) {
                anchor.getElement().setAttribute("download", "");
            } else {
                anchor.getElement().setAttribute("rel", "noopener noreferrer");
            }
            return anchor;
        }
    }
}
