package org.convene.organising;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.SaveResults.problems;
import static org.convene.core.SaveResults.saved;
import static org.convene.db.Tables.PERSON;

/** Organisers' management of people; who may call it is in ConferenceAdminServiceTest. */
@IntegrationTest
class PersonAdminServiceTest {

    @Autowired
    PersonAdminService personAdmin;
    @Autowired
    TestData data;
    @Autowired
    DSLContext db;

    final List<Long> people = new ArrayList<>();

    @BeforeEach
    void setUp() {
        AccountFixtures.actAs(data.user(Role.ORGANISER));
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        db.deleteFrom(PERSON).where(PERSON.ID.in(people)).execute();
    }

    @Test
    void a_person_is_linked_to_an_account_by_email_and_an_unknown_email_is_explained() {
        ConveneUser account = data.user();
        PersonEdit person = saved(personAdmin.createPerson(new PersonForm("Amara Okafor", "Carers Together",
                "Amara has cared for her dad for ten years.", account.email().toUpperCase())));
        people.add(person.id());
        assertThat(person.accountEmail()).isEqualTo(account.email());

        var unknown = personAdmin.updatePerson(person.id(), person.version(), new PersonForm("Amara Okafor", null, null,
                "nobody-" + TestData.unique("x") + "@test.example"));

        assertThat(problems(unknown)).containsExactly(java.util.Map.entry(PersonForm.ACCOUNT_EMAIL,
                "There is no Convene account with this email address. Ask them to sign up first, or leave this empty"));
        assertThat(problems(personAdmin.createPerson(new PersonForm("", null, null, "not an email"))))
                .containsEntry(PersonForm.NAME, "Enter the person's name")
                .containsEntry(PersonForm.ACCOUNT_EMAIL, "Enter an email address in the correct format, like name@example.org");
    }

    @Test
    void a_person_edited_from_a_stale_version_is_a_conflict_and_search_finds_people() {
        String name = TestData.unique("Bill Hughes");
        PersonEdit person = saved(personAdmin.createPerson(new PersonForm(name, "Tenants' forum", null, null)));
        people.add(person.id());
        saved(personAdmin.updatePerson(person.id(), person.version(), new PersonForm(name, "Tenants' forum", "Bio", null)));

        assertThat(personAdmin.updatePerson(person.id(), person.version(), new PersonForm(name, null, null, null)))
                .isInstanceOf(SaveResult.Conflict.class);
        assertThat(personAdmin.people(name, 0, 10)).extracting(PersonRow::name).containsExactly(name);
        assertThat(personAdmin.countPeople(name)).isEqualTo(1);
    }

    @Test
    void a_nul_or_control_character_in_a_person_is_a_problem_on_its_field() {
        var result = personAdmin.createPerson(new PersonForm("Amara\u0000", "Carers\u0001", "Bio\u0000",
                "amara\u0000@example.org"));

        assertThat(problems(result)).containsExactly(
                java.util.Map.entry(PersonForm.NAME, "The name contains a character that cannot be stored (a control character). Remove it and try again."),
                java.util.Map.entry(PersonForm.ORGANISATION, "The organisation contains a character that cannot be stored (a control character). Remove it and try again."),
                java.util.Map.entry(PersonForm.BIO, "The biography contains a character that cannot be stored (a control character). Remove it and try again."),
                java.util.Map.entry(PersonForm.ACCOUNT_EMAIL, "The email address contains a character that cannot be stored (a control character). Remove it and try again."));
    }
}
