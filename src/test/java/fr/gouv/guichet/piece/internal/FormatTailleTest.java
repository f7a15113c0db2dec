package fr.gouv.guichet.piece.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTailleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1|1 octet",
            "100|100 octets",
            "1024|1 Ko",
            "524288|512 Ko",
            "1536|1,5 Ko",
            "20971520|20 Mo",
            "24536678|23,4 Mo",
            "20971521|20,1 Mo",
    })
    void ecrit_les_tailles_a_la_francaise_arrondies_au_dessus(long octets, String attendu) {
        assertThat(FormatTaille.formater(octets)).isEqualTo(attendu);
    }
}
