package org.convene.account;

/** How a person wants every page shown: remembered on their account, applied wherever they sign in. */
public record DisplayPreferences(boolean highContrast, TextSize textSize) {

    public static final DisplayPreferences DEFAULT = new DisplayPreferences(false, TextSize.STANDARD);

    public enum TextSize {
        STANDARD("Standard"),
        LARGE("Large"),
        LARGEST("Largest");

        private final String label;

        TextSize(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
