import ThumbUpIcon from '@mui/icons-material/ThumbUp';

/** Consents are shown on their subject's page; the resource is registered for references only. */
export default { icon: ThumbUpIcon };
