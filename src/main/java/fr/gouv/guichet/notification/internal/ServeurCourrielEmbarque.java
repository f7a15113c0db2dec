package fr.gouv.guichet.notification.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded SMTP server of the default set-up; absent when a real SMTP server is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "guichet.embarque.mail", havingValue = "true")
class ServeurCourrielEmbarque {

    @Bean(destroyMethod = "stop")
    GreenMail serveurSmtpEmbarque(@Value("${spring.mail.port}") int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }
}
