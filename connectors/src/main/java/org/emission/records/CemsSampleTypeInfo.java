package org.emission.records;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's type information of {@link CemsSample}: serialized by {@link CemsSampleSerializer}. */
public final class CemsSampleTypeInfo extends TypeInformation<CemsSample> {

  private static final long serialVersionUID = 1L;

  public static final CemsSampleTypeInfo INSTANCE = new CemsSampleTypeInfo();

  /** What {@code @TypeInfo} on {@link CemsSample} names, so every stream of samples uses it. */
  public static final class Factory extends TypeInfoFactory<CemsSample> {
    @Override
    public TypeInformation<CemsSample> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return INSTANCE;
    }
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<CemsSample> getTypeClass() {
    return CemsSample.class;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<CemsSample> createSerializer(SerializerConfig config) {
    return CemsSampleSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "CemsSample";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CemsSampleTypeInfo;
  }

  @Override
  public int hashCode() {
    return CemsSampleTypeInfo.class.hashCode();
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof CemsSampleTypeInfo;
  }
}
