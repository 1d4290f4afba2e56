package org.convene.materials;

/** What a material is, in the words the pages use. Stored by name: renaming a constant needs a migration. */
public enum MaterialKind {
    SLIDES("Slides"),
    EASY_READ("Easy read version"),
    HANDOUT("Handout"),
    OTHER("Other");

    private final String label;

    MaterialKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
