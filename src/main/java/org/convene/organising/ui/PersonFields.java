package org.convene.organising.ui;

import org.convene.programme.ui.AdminFields;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.convene.organising.PersonEdit;
import org.convene.organising.PersonForm;

import java.util.LinkedHashMap;
import java.util.Map;

/** A person's details as form fields. */
class PersonFields extends Div implements AdminFields<PersonForm> {

    final TextField name = new TextField("Name");
    final TextField organisation = new TextField("Organisation (optional)");
    final TextArea bio = new TextArea("Biography (optional)");
    final EmailField accountEmail = new EmailField("Email address of their Convene account (optional)");

    PersonFields() {
        addClassName("cv-form");
        name.setId("name");
        organisation.setId("organisation");
        bio.setId("bio");
        bio.setHelperText("A few sentences, shown on their sessions' pages");
        accountEmail.setId("accountEmail");
        accountEmail.setHelperText("Link their account so that they can moderate questions in the sessions they "
                + "facilitate. They need to have signed up already.");
        name.setManualValidation(true);
        organisation.setManualValidation(true);
        bio.setManualValidation(true);
        accountEmail.setManualValidation(true);
        add(name, organisation, bio, accountEmail);
    }

    @Override
    public Map<String, Component> fields() {
        Map<String, Component> fields = new LinkedHashMap<>();
        fields.put(PersonForm.NAME, name);
        fields.put(PersonForm.ORGANISATION, organisation);
        fields.put(PersonForm.BIO, bio);
        fields.put(PersonForm.ACCOUNT_EMAIL, accountEmail);
        return fields;
    }

    @Override
    public PersonForm read() {
        return new PersonForm(name.getValue(), organisation.getValue(), bio.getValue(), accountEmail.getValue());
    }

    void fill(PersonEdit person) {
        name.setValue(person.name());
        organisation.setValue(person.organisation() == null ? "" : person.organisation());
        bio.setValue(person.bio() == null ? "" : person.bio());
        accountEmail.setValue(person.accountEmail() == null ? "" : person.accountEmail());
    }
}
