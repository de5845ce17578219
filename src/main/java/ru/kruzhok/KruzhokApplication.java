package ru.kruzhok;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Kruzhok: the chatbot of a municipal support centre (МОЦ) for children's additional education. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class KruzhokApplication {
    public static void main(String[] args) {
        SpringApplication.run(KruzhokApplication.class, args);
    }
}
