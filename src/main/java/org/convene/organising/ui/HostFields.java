package org.convene.organising.ui;

import org.convene.programme.ui.AdminFields;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.convene.organising.HostEdit;
import org.convene.organising.HostForm;

import java.util.LinkedHashMap;
import java.util.Map;

/** A host organisation's details as form fields. */
class HostFields extends Div implements AdminFields<HostForm> {

    final TextField name = new TextField("Organisation name");
    final TextField website = new TextField("Website (optional)");
    final TextArea description = new TextArea("Description (optional)");

    HostFields() {
        addClassName("cv-form");
        name.setId("name");
        website.setId("website");
        website.setHelperText("The full address, like https://www.example.org");
        description.setId("description");
        description.setHelperText("A sentence or two about the organisation, shown with its sessions");
        name.setManualValidation(true);
        website.setManualValidation(true);
        description.setManualValidation(true);
        add(name, website, description);
    }

    @Override
    public Map<String, Component> fields() {
        Map<String, Component> fields = new LinkedHashMap<>();
        fields.put(HostForm.NAME, name);
        fields.put(HostForm.WEBSITE, website);
        fields.put(HostForm.DESCRIPTION, description);
        return fields;
    }

    @Override
    public HostForm read() {
        return new HostForm(name.getValue(), website.getValue(), description.getValue());
    }

    void fill(HostEdit host) {
        name.setValue(host.name());
        website.setValue(host.website() == null ? "" : host.website());
        description.setValue(host.description() == null ? "" : host.description());
    }
}
