package org.convene.organising;

/**
 * A person (speaker, facilitator) as the organiser's form describes them. The account email, when given, links
 * the person to an existing Convene account so that they can moderate the sessions they facilitate.
 */
public record PersonForm(String name, String organisation, String bio, String accountEmail) {

    public static final String NAME = "name";
    public static final String ORGANISATION = "organisation";
    public static final String BIO = "bio";
    public static final String ACCOUNT_EMAIL = "accountEmail";
}
