package fr.gouv.guichet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/** Guichet — téléprocédures des préfectures. */
@SpringBootApplication
@EnableAsync
public class GuichetApplication {

    public static void main(String[] args) {
        SpringApplication.run(GuichetApplication.class, args);
    }
}
