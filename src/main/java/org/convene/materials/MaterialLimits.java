package org.convene.materials;

/** The limits of a material, used by the service, the page and (the title) the database's check in V22. */
public final class MaterialLimits {

    /** Long enough for "Easy read version of the slides about caring at home", short enough to read out. */
    public static final int TITLE_MAX = 120;

    /** The longest name a file keeps; longer names are shortened, keeping the end with the type. */
    public static final int FILE_NAME_MAX = 255;

    private MaterialLimits() {
    }
}
