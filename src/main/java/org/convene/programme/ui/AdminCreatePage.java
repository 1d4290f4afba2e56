package org.convene.programme.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import org.convene.core.ui.ErrorSummary;
import org.convene.core.SaveResult;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * A page that adds one record (a conference, host organisation or person): its fields and one button; a failed
 * save shows the error summary and keeps what was typed, a successful one opens the new record's own page.
 *
 * @param <F> the fields
 * @param <T> the form the service takes
 * @param <E> the record the service gives back
 */
public abstract class AdminCreatePage<F extends Component & AdminFields<T>, T, E> extends Div
        implements BeforeEnterObserver, HasDynamicTitle {

    private final String heading;
    private final String saveLabel;
    private final ErrorSummary errors = new ErrorSummary();
    private @Nullable F fields;
    private boolean showingErrors;

    protected AdminCreatePage(String heading, String saveLabel) {
        this.heading = heading;
        this.saveLabel = saveLabel;
        addClassName("cv-narrow");
    }

    protected abstract F newFields();

    /** The way back to the list of records, under the button. */
    protected abstract Component backToList();

    protected abstract SaveResult<E> create(T form);

    /** Says the record was made and opens its page. */
    protected abstract void created(E record);

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        showingErrors = false;
        fields = newFields();
        errors.clear(fields.fields().values());
        Button save = new Button(saveLabel, e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(AdminPage.backToManage(), errors, new H1(heading), fields, save, backToList());
    }

    private void save() {
        F fields = fields();
        errors.clear(fields.fields().values());
        switch (create(fields.read())) {
            case SaveResult.Saved<E> saved -> created(saved.value());
            case SaveResult.Invalid<E> invalid -> {
                showingErrors = true;
                errors.show(ErrorSummary.problems(invalid.problems(), fields.fields()));
                UI.getCurrent().getPage().setTitle(getPageTitle());
            }
            case SaveResult.Conflict<E> conflict ->
                    throw new IllegalStateException("A new record has no earlier version");
        }
    }

    public ErrorSummary errors() {
        return errors;
    }

    public F fields() {
        return Objects.requireNonNull(fields, "made when the page is entered");
    }

    @Override
    public String getPageTitle() {
        return ErrorSummary.pageTitle(showingErrors, heading + " - Convene");
    }
}
