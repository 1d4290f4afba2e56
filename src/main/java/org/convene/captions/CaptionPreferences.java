package org.convene.captions;

/**
 * How a reader likes the caption pane: larger text, more space between lines, high contrast, and whether new
 * final lines are announced by screen readers. Remembered in their account; anonymous readers keep them for the
 * open page only.
 */
public record CaptionPreferences(boolean largeText, boolean spacious, boolean highContrast, boolean announce) {

    public static final CaptionPreferences DEFAULT = new CaptionPreferences(false, false, false, false);
}
