import HandshakeIcon from '@mui/icons-material/Handshake';
import { AgreementCreate, AgreementEdit, AgreementList, AgreementShow } from './Agreements';

export default { list: AgreementList, show: AgreementShow, edit: AgreementEdit, create: AgreementCreate, icon: HandshakeIcon };
