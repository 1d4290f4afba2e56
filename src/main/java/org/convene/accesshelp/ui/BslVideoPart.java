package org.convene.accesshelp.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import org.convene.accesshelp.BslVideo;
import org.convene.programme.WebAddresses;
import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * The BSL interpreter's video under the Join button: a player the viewer can make larger when the address is one we
 * can embed, else a clear link. The session's hosts also get a small form to set or remove the address; the
 * component raises the save and its section does it.
 */
@StyleSheet("styles/access-help.css")
final class BslVideoPart extends Section {

    /** Saves an address (blank removes it); answers the address now shown, or a problem for the field. */
    @FunctionalInterface
    interface Saver {
        Result save(String url);
    }

    sealed interface Result {
        record Saved(Optional<String> url) implements Result {
        }

        record Problem(String message) implements Result {
        }
    }

    private final Div video = new Div();
    private final Paragraph status = new Paragraph();

    BslVideoPart(@Nullable String url, @Nullable Saver saver) {
        setId("bsl");
        addClassName("cv-bsl");
        H2 heading = new H2("BSL interpreter");
        heading.setId("bsl-heading");
        getElement().setAttribute("aria-labelledby", "bsl-heading");
        add(heading, video);
        show(url);
        if (saver != null) {
            add(form(url, saver));
        }
    }

    private void show(@Nullable String url) {
        video.removeAll();
        if (url == null) {
            video.add(new Paragraph("This session has no BSL interpreter video yet."));
            return;
        }
        Optional<String> player = BslVideo.player(url);
        Anchor link = new Anchor(url, player.isPresent() ? "Open the BSL interpreter in a new tab"
                : "Watch the BSL interpreter (opens in a new tab)");
        link.setId("bsl-link");
        link.setTarget(AnchorTarget.BLANK);
        link.getElement().setAttribute("rel", "noopener noreferrer");
        link.setRouterIgnore(true);
        if (player.isEmpty()) {
            video.add(new Paragraph(link));
            return;
        }
        IFrame frame = new IFrame(player.get());
        frame.setId("bsl-player");
        frame.setTitle("BSL interpreter video");
        frame.setAllow("autoplay; fullscreen; picture-in-picture");
        frame.getElement().setAttribute("allowfullscreen", "");
        frame.addClassName("cv-bsl-frame");
        Div holder = new Div(frame);
        holder.addClassName("cv-bsl-player");
        Button larger = new Button("Make the video larger");
        larger.setId("bsl-larger");
        larger.getElement().setAttribute("aria-pressed", "false");
        larger.addClickListener(e -> {
            boolean large = !holder.hasClassName("cv-bsl-large");
            holder.setClassName("cv-bsl-large", large);
            larger.getElement().setAttribute("aria-pressed", Boolean.toString(large));
        });
        video.add(holder, new Paragraph(larger), new Paragraph(link));
    }

    private Details form(@Nullable String url, Saver saver) {
        TextField address = new TextField("Interpreter video address (optional)");
        address.setId("bsl-address");
        address.setValue(url == null ? "" : url);
        address.setMaxLength(WebAddresses.MAX_LENGTH);
        address.setWidthFull();
        address.setHelperText("A YouTube or Vimeo address is shown as a player; any other https address as a link. "
                + "Leave it empty to remove the video.");
        Button save = new Button("Save the interpreter video", e -> {
            switch (saver.save(address.getValue())) {
                case Result.Saved saved -> {
                    address.setInvalid(false);
                    show(saved.url().orElse(null));
                    status.setText(saved.url().isPresent() ? "Saved. Attendees now see the interpreter video."
                            : "Removed. Attendees no longer see an interpreter video.");
                }
                case Result.Problem problem -> {
                    address.setErrorMessage(problem.message());
                    address.setInvalid(true);
                    status.setText(problem.message());
                }
            }
        });
        save.setId("bsl-save");
        status.setId("bsl-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        Div content = new Div(address, save, status);
        content.addClassName("cv-bsl-form");
        Details details = new Details("Set the BSL interpreter’s video (hosts only)", content);
        details.setId("bsl-settings");
        return details;
    }

    String statusText() {
        return status.getText();
    }
}
