package org.convene.certificates;

/** A conference's attendance rule and whether it gives certificates, as its organisers set them. */
public record CertificateSettings(long conferenceId, int rulePercent, boolean enabled) {

    /** The field names of the settings form, in its order. */
    public static final String RULE_PERCENT = "rulePercent";
}
