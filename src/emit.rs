//! Output writers: canonical JSON (RFC 8785) and pretty JSON.
//!
//! The canonical writer prints by the JCS rules: object keys sorted by
//! UTF-16 code units, no whitespace, strings escaping only `"`, `\` and
//! control characters, and numbers in their shortest form (our exact
//! decimals already print that way, see [`crate::Decimal`]). Pretty output
//! has the same content and key order, indented by two spaces.
//!
//! Both stream: a struct's fields are written in sorted order by asking the
//! struct to serialize itself once per field and keeping only that field
//! (its keys are learnt by a first pass that looks at no value), so no
//! tree of the document is built and nothing is buffered but the output.
//! A tree of the document (`serde_json::Value`, a map per object) cost
//! some 90 times the input on a notice of many short sections. Maps and
//! other shapes the model does not use go through a `serde_json::Value`.

use std::io::{self, Write};

use serde::ser::{self, Impossible, Serialize};
use serde_json::Value;

use crate::decimal::{text_of_repr_f64, DECIMAL_TOKEN};
use crate::model::Notice;

/// Canonical JSON (RFC 8785) of a notice, without a trailing newline.
///
/// ```
/// let notice = minsheng::parse("附件 1\n（1）新增托位 1196 个。（牵头单位：区教体局）");
/// let json = minsheng::emit::canonical(&notice);
/// assert!(json.starts_with(r#"{"attachments":"#));
/// assert!(json.contains(r#""value":1196"#));
/// ```
pub fn canonical(notice: &Notice) -> String {
    to_canonical(notice)
}

/// Pretty JSON of a notice: the canonical content, sorted keys, indented.
pub fn pretty(notice: &Notice) -> String {
    let mut out = Vec::new();
    // Writing into memory fails only if the model cannot be serialized,
    // which the model's types rule out; what was written is kept.
    let _ = write(&mut out, notice, true);
    into_string(out)
}

/// Canonical JSON of any serializable value.
pub fn to_canonical<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    let _ = write(&mut out, value, false);
    into_string(out)
}

/// Write the canonical (or, with `pretty`, the indented) JSON of `value` to
/// `out` as it is produced, without a trailing newline.
///
/// ```
/// let notice = minsheng::parse("（1）新增托位 1196 个。（牵头单位：区教体局）");
/// let mut out = Vec::new();
/// minsheng::emit::write(&mut out, &notice, false).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), minsheng::emit::canonical(&notice));
/// ```
pub fn write<W: Write, T: Serialize + ?Sized>(out: W, value: &T, pretty: bool) -> io::Result<()> {
    let mut out = out;
    let mut emitter = Emitter {
        out: &mut out,
        depth: pretty.then_some(0),
    };
    emitter.value(value).map_err(|e| match e {
        Error::Io(e) => e,
        Error::Other(m) => io::Error::other(m),
    })
}

fn into_string(bytes: Vec<u8>) -> String {
    // Only `str`s are written, so this is UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Why writing stopped.
#[derive(Debug)]
enum Error {
    Io(io::Error),
    Other(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Io(e) => e.fmt(f),
            Error::Other(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<M: std::fmt::Display>(msg: M) -> Error {
        Error::Other(msg.to_string())
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Error {
        Error::Io(e)
    }
}

/// The name serde_json gives the struct an exact number serializes as
/// when an embedder turns on its feature `arbitrary_precision` (we do not):
/// one field, the number's text, written as it is.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Writes JSON; `depth` is the indentation depth when pretty.
struct Emitter<'w> {
    out: &'w mut dyn Write,
    depth: Option<usize>,
}

impl Emitter<'_> {
    fn raw(&mut self, s: &str) -> Result<(), Error> {
        self.out.write_all(s.as_bytes()).map_err(Error::Io)
    }

    fn string(&mut self, s: &str) -> Result<(), Error> {
        let mut buf = String::with_capacity(s.len() + 2);
        write_string(&mut buf, s);
        self.raw(&buf)
    }

    /// A line break and the indentation of `depth`, when pretty.
    fn newline(&mut self, depth: Option<usize>) -> Result<(), Error> {
        if let Some(depth) = depth {
            self.raw("\n")?;
            for _ in 0..depth {
                self.raw("  ")?;
            }
        }
        Ok(())
    }

    fn inner(&self) -> Option<usize> {
        self.depth.map(|d| d + 1)
    }

    /// Before the `index`-th item of an array or object.
    fn item(&mut self, index: usize) -> Result<(), Error> {
        if index > 0 {
            self.raw(",")?;
        }
        self.newline(self.inner())
    }

    /// Before an object's value.
    fn key(&mut self, index: usize, key: &str) -> Result<(), Error> {
        self.item(index)?;
        self.string(key)?;
        self.raw(if self.depth.is_some() { ": " } else { ":" })
    }

    /// After the last item of an array or object of `len` items.
    fn close(&mut self, len: usize, bracket: &str) -> Result<(), Error> {
        if len > 0 {
            self.newline(self.depth)?;
        }
        self.raw(bracket)
    }

    /// An emitter for the items one level down.
    fn nested(&mut self) -> Emitter<'_> {
        Emitter {
            depth: self.inner(),
            out: &mut *self.out,
        }
    }

    /// Write any value.
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        match value.serialize(Probe)? {
            Shape::Struct(name, keys) if name != NUMBER_TOKEN => {
                let mut sorted = keys;
                sorted.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
                self.raw("{")?;
                for (i, &key) in sorted.iter().enumerate() {
                    self.key(i, key)?;
                    value.serialize(Pick {
                        key,
                        emitter: &mut self.nested(),
                    })?;
                }
                self.close(sorted.len(), "}")
            }
            Shape::Direct | Shape::Struct(..) => value.serialize(Direct(self)),
            Shape::Tree => {
                let tree = serde_json::to_value(value).map_err(|e| Error::Other(e.to_string()))?;
                let mut text = String::new();
                write_value(&mut text, &tree, self.depth);
                self.raw(&text)
            }
        }
    }
}

/// What a value is, as far as writing it goes.
enum Shape {
    /// A struct and its keys, in the order it serializes them (fields
    /// skipped by `skip_serializing_if` left out).
    Struct(&'static str, Vec<&'static str>),
    /// Written as it serializes itself.
    Direct,
    /// A map or a struct variant: through a `serde_json::Value`.
    Tree,
}

/// Learns a value's [`Shape`] without looking at what it holds.
struct Probe;

/// Collects a struct's keys.
struct Keys(&'static str, Vec<&'static str>);

impl ser::SerializeStruct for Keys {
    type Ok = Shape;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        self.1.push(key);
        Ok(())
    }
    fn skip_field(&mut self, _: &'static str) -> Result<(), Error> {
        Ok(())
    }
    fn end(self) -> Result<Shape, Error> {
        Ok(Shape::Struct(self.0, self.1))
    }
}

macro_rules! direct {
    ($($f:ident($t:ty)),*) => {
        $(fn $f(self, _: $t) -> Result<Shape, Error> { Ok(Shape::Direct) })*
    };
}

impl ser::Serializer for Probe {
    type Ok = Shape;
    type Error = Error;
    type SerializeSeq = Skip;
    type SerializeTuple = Skip;
    type SerializeTupleStruct = Skip;
    type SerializeTupleVariant = Skip;
    type SerializeMap = Skip;
    type SerializeStruct = Keys;
    type SerializeStructVariant = Skip;

    direct!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str)
    );
    fn serialize_none(self) -> Result<Shape, Error> {
        Ok(Shape::Direct)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<Shape, Error> {
        Ok(Shape::Direct)
    }
    fn serialize_unit(self) -> Result<Shape, Error> {
        Ok(Shape::Direct)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<Shape, Error> {
        Ok(Shape::Direct)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<Shape, Error> {
        Ok(Shape::Direct)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Shape, Error> {
        Ok(Shape::Direct)
    }
    // A sequence is written element by element: its elements are not
    // looked at here.
    fn serialize_seq(self, _: Option<usize>) -> Result<Skip, Error> {
        Ok(Skip(Shape::Direct))
    }
    fn serialize_tuple(self, _: usize) -> Result<Skip, Error> {
        Ok(Skip(Shape::Direct))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Skip, Error> {
        Ok(Skip(Shape::Direct))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Skip, Error> {
        Ok(Skip(Shape::Tree))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Skip, Error> {
        Ok(Skip(Shape::Tree))
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Keys, Error> {
        Ok(Keys(name, Vec::with_capacity(len)))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Skip, Error> {
        Ok(Skip(Shape::Tree))
    }
}

/// Looks at nothing and answers its shape.
struct Skip(Shape);

/// The one-method compound serializers of [`Skip`]: they ignore what they
/// are given and answer the shape.
macro_rules! skip_items {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Skip {
            type Ok = Shape;
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), Error> {
                Ok(())
            }
            fn end(self) -> Result<Shape, Error> {
                Ok(self.0)
            }
        }
    )*};
}

skip_items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Skip {
    type Ok = Shape;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), Error> {
        Ok(())
    }
    fn end(self) -> Result<Shape, Error> {
        Ok(self.0)
    }
}

impl ser::SerializeStructVariant for Skip {
    type Ok = Shape;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Ok(())
    }
    fn end(self) -> Result<Shape, Error> {
        Ok(self.0)
    }
}

fn unexpected() -> Error {
    Error::Other("a value serialized differently the second time".to_string())
}

macro_rules! unexpected {
    ($($f:ident($t:ty)),*) => {
        $(fn $f(self, _: $t) -> Result<(), Error> { Err(unexpected()) })*
    };
}

/// Writes only the field `key` of a struct.
struct Pick<'a, 'w> {
    key: &'static str,
    emitter: &'a mut Emitter<'w>,
}

impl<'a, 'w> ser::SerializeStruct for Pick<'a, 'w> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        if key == self.key {
            self.emitter.value(value)?;
        }
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl<'a, 'w> ser::Serializer for Pick<'a, 'w> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), Error>;

    unexpected!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str)
    );
    fn serialize_none(self) -> Result<(), Error> {
        Err(unexpected())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        Err(unexpected())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(unexpected())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Error> {
        Err(unexpected())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(unexpected())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(unexpected())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(unexpected())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(unexpected())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(unexpected())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unexpected())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unexpected())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unexpected())
    }
}

/// Writes a value that is not a struct (sequences element by element).
struct Direct<'a, 'w>(&'a mut Emitter<'w>);

/// A sequence being written: its emitter and the items so far.
struct Items<'a, 'w>(&'a mut Emitter<'w>, usize);

impl Items<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.0.item(self.1)?;
        self.0.nested().value(value)?;
        self.1 += 1;
        Ok(())
    }
}

/// Sequences, tuples and tuple structs are all written as JSON arrays.
macro_rules! items_as_array {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Items<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.0.close(self.1, "]")
            }
        }
    )*};
}

items_as_array!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

/// An exact number's one field: its text, written as it is.
impl ser::SerializeStruct for Items<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let text = serde_json::to_value(value).map_err(|e| Error::Other(e.to_string()))?;
        match text {
            Value::String(text) => self.0.raw(&text),
            _ => Err(unexpected()),
        }
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl<'a, 'w> ser::Serializer for Direct<'a, 'w> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Items<'a, 'w>;
    type SerializeTuple = Items<'a, 'w>;
    type SerializeTupleStruct = Items<'a, 'w>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Items<'a, 'w>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.0.raw(if v { "true" } else { "false" })
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.0.raw(&v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.0.raw(&v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.0.raw(&v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.0.raw(&v.to_string())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.0.raw(&v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.0.raw(&v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.0.raw(&v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.0.raw(&v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.0.raw(&v.to_string())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.0.raw(&v.to_string())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        match serde_json::Number::from_f64(v) {
            Some(n) => self.0.raw(&n.to_string()),
            None => self.0.raw("null"),
        }
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.0.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.0.string(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut items = self.serialize_seq(Some(v.len()))?;
        for b in v {
            items.serialize_element(b)?;
        }
        items.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.0.raw("null")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        self.0.value(value)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.0.raw("null")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.0.raw("null")
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.0.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        if name == DECIMAL_TOKEN {
            value.serialize(ExactNumber(self.0))
        } else {
            self.0.value(value)
        }
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.0.raw("{")?;
        self.0.key(0, variant)?;
        self.0.nested().value(value)?;
        self.0.close(1, "}")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Items<'a, 'w>, Error> {
        self.0.raw("[")?;
        Ok(Items(self.0, 0))
    }
    fn serialize_tuple(self, len: usize) -> Result<Items<'a, 'w>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Items<'a, 'w>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unexpected())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unexpected())
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Items<'a, 'w>, Error> {
        if name == NUMBER_TOKEN {
            Ok(Items(self.0, 0))
        } else {
            Err(unexpected())
        }
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unexpected())
    }
}

/// Writes what a [`crate::Decimal`] serializes as (an `i64`, an `f64` whose
/// shortest digits are the value, or the exact text) as its exact digits.
struct ExactNumber<'a, 'w>(&'a mut Emitter<'w>);

impl ser::Serializer for ExactNumber<'_, '_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.0.raw(&v.to_string())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        match text_of_repr_f64(v) {
            Some(text) => self.0.raw(&text),
            None => Err(unexpected()),
        }
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.0.raw(v)
    }
    unexpected!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f32(f32),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str)
    );
    fn serialize_none(self) -> Result<(), Error> {
        Err(unexpected())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        Err(unexpected())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(unexpected())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Error> {
        Err(unexpected())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(unexpected())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(unexpected())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(unexpected())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(unexpected())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(unexpected())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unexpected())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unexpected())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(unexpected())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unexpected())
    }
}

fn write_value(out: &mut String, value: &Value, indent: Option<usize>) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent.map(|d| d + 1));
                write_value(out, item, indent.map(|d| d + 1));
            }
            if !items.is_empty() {
                newline(out, indent);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
            out.push('{');
            for (i, (key, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent.map(|d| d + 1));
                write_string(out, key);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write_value(out, item, indent.map(|d| d + 1));
            }
            if !entries.is_empty() {
                newline(out, indent);
            }
            out.push('}');
        }
    }
}

fn newline(out: &mut String, indent: Option<usize>) {
    if let Some(depth) = indent {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
}

/// A JSON string by the JCS rules.
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_sort_by_utf16_and_strings_escape_by_jcs() {
        let v = json!({"b": 1, "a": "x\"\u{1}\n€", "\u{e000}": 2, "\u{10000}": 3});
        let mut out = String::new();
        write_value(&mut out, &v, None);
        // U+10000 is a surrogate pair (D800 DC00) and sorts before U+E000.
        assert_eq!(
            out,
            "{\"a\":\"x\\\"\\u0001\\n€\",\"b\":1,\"\u{10000}\":3,\"\u{e000}\":2}"
        );
    }

    #[test]
    fn pretty_has_the_same_content() {
        let v = json!({"b": [1, {"d": null, "c": true}], "a": []});
        let mut canon = String::new();
        write_value(&mut canon, &v, None);
        let mut pretty = String::new();
        write_value(&mut pretty, &v, Some(0));
        let reparsed: Value = serde_json::from_str(&pretty).unwrap();
        let mut again = String::new();
        write_value(&mut again, &reparsed, None);
        assert_eq!(canon, again);
        assert!(pretty.contains("\n  \"a\": []"));
    }
}
