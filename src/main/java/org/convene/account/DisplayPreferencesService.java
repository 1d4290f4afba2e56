package org.convene.account;

import org.convene.core.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in person's display preferences; someone not signed in gets the defaults. */
@Service
@Transactional
public class DisplayPreferencesService {

    private final DisplayPreferencesRepository preferences;
    private final CurrentUser currentUser;

    DisplayPreferencesService(DisplayPreferencesRepository preferences, CurrentUser currentUser) {
        this.preferences = preferences;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public DisplayPreferences mine() {
        return currentUser.get()
                .flatMap(user -> preferences.of(user.id()))
                .orElse(DisplayPreferences.DEFAULT);
    }

    public void save(DisplayPreferences preferences) {
        this.preferences.save(currentUser.require().id(), preferences);
    }
}
