package ru.kruzhok.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import ru.kruzhok.dialog.DialogModel.Dialogs;
import ru.kruzhok.dialog.FlowLoader.DialogFile;

/**
 * Keeps docs/dialogs.md, the transition diagram of every flow, in step with dialogs/: when a flow
 * changes, this test rewrites the file and fails once, so the new diagram is committed with the change.
 */
class FlowDiagramTest {

    @Test
    void theCommittedDiagramMatchesTheFlows() throws Exception {
        List<DialogFile> flows = new ArrayList<>();
        List<DialogFile> texts = new ArrayList<>();
        for (String folder : DialogRegistry.FOLDERS) {
            for (DialogFile f : DialogRegistry.read(Path.of("dialogs"), folder)) {
                (f.name().substring(f.name().lastIndexOf('/') + 1).startsWith("texts") ? texts : flows).add(f);
            }
        }
        Dialogs dialogs = new FlowLoader().load(flows, texts);
        String expected = FlowDiagram.markdown(dialogs);
        Path doc = Path.of("docs", "dialogs.md");
        String actual = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
        if (!actual.equals(expected)) {
            Files.createDirectories(doc.getParent());
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("docs/dialogs.md was out of date and has been regenerated; commit it").isEqualTo(expected);
        assertThat(expected).contains("onboarding_consent", "settings_delete", "## broadcast (staff)");
    }
}
