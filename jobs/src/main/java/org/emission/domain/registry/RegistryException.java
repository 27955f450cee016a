package org.emission.domain.registry;

import java.util.List;

/** The registry files are invalid; {@link #errors()} lists every problem found, in file order. */
public class RegistryException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<RegistryError> errors;

  public RegistryException(List<RegistryError> errors) {
    super(message(errors));
    this.errors = List.copyOf(errors);
  }

  public List<RegistryError> errors() {
    return errors;
  }

  private static String message(List<RegistryError> errors) {
    StringBuilder b =
        new StringBuilder("registry is invalid (")
            .append(errors.size())
            .append(errors.size() == 1 ? " error)" : " errors)");
    for (RegistryError e : errors) {
      b.append(System.lineSeparator()).append("  ").append(e);
    }
    return b.toString();
  }
}
