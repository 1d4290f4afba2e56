package org.convene.qa;

/**
 * The names under which a Q&A action's {@link org.convene.core.SaveResult.Invalid} reports a problem, so a view
 * puts each message beside the field it is about.
 */
public final class QaFields {

    /** A question's text (asking, approving with an edit, editing, adding one sent in) or a reply's. */
    public static final String TEXT = "text";
    /** Why a question was dismissed. */
    public static final String REASON = "reason";
    /** Who sent in a question a facilitator adds for them. */
    public static final String ON_BEHALF_OF = "onBehalfOf";

    private QaFields() {
    }
}
