package fr.gouv.guichet.notification;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Jakarta Mail's stream provider is named, not searched by a ServiceLoader scan at every MIME part (issue 18). */
class FournisseurFluxCourrielTest {

    @Test
    void laClasseDesCourrielsNommeLeFournisseurDeFlux_etUnMessageSeCompose() throws Exception {
        Class.forName(Courriels.class.getName(), true, Courriels.class.getClassLoader());

        assertThat(System.getProperty("jakarta.mail.util.StreamProvider"))
                .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setSubject("Accusé de réception de votre demande", "UTF-8");
        message.setText("Votre demande est reçue.", "UTF-8");
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        message.writeTo(sortie);
        assertThat(sortie.toString()).contains("Subject: =?UTF-8?");
    }
}
