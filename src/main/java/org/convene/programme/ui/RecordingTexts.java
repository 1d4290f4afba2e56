package org.convene.programme.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;

import java.util.Arrays;

/** Plain text that hosts type (an easy-read summary) shown as paragraphs: a blank line starts a new one. */
public final class RecordingTexts {

    private RecordingTexts() {
    }

    public static Component[] paragraphs(String text) {
        return Arrays.stream(text.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty())
                .map(Paragraph::new).toArray(Component[]::new);
    }

    /** A file a browser's own video player can play, so the page can show it with our captions track. */
    public static boolean isVideoFile(String url) {
        String path = url.toLowerCase(java.util.Locale.ROOT).replaceFirst("[?#].*$", "");
        return path.endsWith(".mp4") || path.endsWith(".webm");
    }
}
