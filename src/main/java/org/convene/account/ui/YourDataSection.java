package org.convene.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.account.PersonalDataService;

/** "Your data" (download, delete the account) on the account page, after every other contributed part. */
@SpringComponent
class YourDataSection implements AccountPageSection {

    private final PersonalDataService personalData;

    YourDataSection(PersonalDataService personalData) {
        this.personalData = personalData;
    }

    @Override
    public int order() {
        return 1_000;
    }

    @Override
    public Component create() {
        return new YourData(personalData);
    }
}
